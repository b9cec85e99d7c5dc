-- 报告中的其他数字: a city's figures that are not one calendar year's (a 2015–2019 total, an each-year figure,
-- a half year, a count as of a month's end), up to the year shown and never later. They stay out of every annual
-- chart, ranking and change; the caller says their period in words (etl.periods.period_label).
-- Params: $city (city_zh), $year (integer: the year shown; a figure's year is its period's last year).
with city_codes as (
    select
        code,
        name_zh,
        name_en,
        level
    from districts
    where city_zh = $city
),

final as (
    select
        o.district_code,
        c.name_zh as district_zh, -- the organisation: a district, or the city federation itself (level = city)
        c.name_en as district_en,
        c.level,
        o.year, -- the period's last year
        o.period, -- etl.periods code: m1-6 | total:2015-2019 | each:2015-2019 | asof:2018-04 …
        o.indicator_code as metric_code,
        m.name_zh as metric_zh,
        m.name_en as metric_en,
        m.unit,
        o.value, -- base unit of the indicator
        o.qualifier, -- exact | approx | more_than | nearly
        o.evidence, -- a report's own words, where it came from a report
        o.source_ref,
        b.kind as batch_kind,
        b.source_name, -- the file or report the figure came from
        o.batch_id
    from current_period_observations as o
    join city_codes as c
        on c.code = o.district_code
    join metrics as m
        on m.code = o.indicator_code
    join batches as b
        on b.batch_id = o.batch_id
    where o.period <> 'year'
      and o.year <= $year
)

select * from final
order by
    year desc,
    level,
    district_code,
    (select sort_order from metrics where code = final.metric_code),
    period
