-- One rate in one year for every district of a city with the numerator and denominator it is made of, for
-- confidence intervals and funnel plots; the city figure (and how it was made) rides along on every row.
-- Params: $city (city_zh), $year (integer), $metric (metrics.code).
-- Parts: a derived ratio's numerator / denominator, or a reported rate's pool_numerator / pool_denominator.
-- A district without both parts keeps its row with nulls: no interval, never a guessed one.
with metric as (
    select
        code,
        unit,
        polarity,
        coalesce(pool_numerator, numerator) as numerator_code,
        coalesce(pool_denominator, denominator) as denominator_code,
        case when kind = 'derived' then scale else 100 end as scale -- a reported rate is a percent
    from metrics
    where code = $metric
),

districts_of_city as (
    select
        district_code,
        district_zh,
        district_en,
        color_index
    from city_districts
    where city_zh = $city
),

parts as (
    select
        d.district_code,
        max(o.value) filter (where o.indicator_code = m.numerator_code) as numerator,
        max(o.value) filter (where o.indicator_code = m.denominator_code) as denominator
    from districts_of_city as d
    cross join metric as m
    left join current_observations as o
        on o.district_code = d.district_code
       and o.year = $year
       and o.indicator_code in (m.numerator_code, m.denominator_code)
    group by all
),

shown as (
    select
        district_code,
        value
    from current_metrics
    where metric_code = $metric
      and year = $year
),

city as (
    select
        value,
        method
    from city_figures
    where city_zh = $city
      and metric_code = $metric
      and year = $year
),

final as (
    select
        d.district_code,
        d.district_zh,
        d.district_en,
        d.color_index,
        s.value as shown_value, -- the value shown elsewhere for the district (base unit)
        p.numerator, -- count, e.g. disputes reported
        p.denominator, -- count, e.g. members
        m.unit,
        m.polarity,
        m.scale,
        c.value as city_value, -- base unit of the metric
        c.method as city_method -- reported | pooled | mean | sum
    from districts_of_city as d
    cross join metric as m
    left join parts as p
        on p.district_code = d.district_code
    left join shown as s
        on s.district_code = d.district_code
    left join city as c
        on true
)

select * from final
order by
    color_index
