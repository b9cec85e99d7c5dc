-- One district, every metric it has in one year: value, change, rank among its city's districts, target,
-- the city median, the values of all years for a small trend line, and where the value came from (the cell, or
-- for a figure taken from a report the report's own words).
-- Params: $district (districts.code), $year (integer).
with home as (
    select
        city_zh
    from city_districts
    where district_code = $district
),

peers as (
    select
        dm.district_code,
        dm.metric_code,
        dm.year,
        dm.value,
        dm.qualifier,
        dm.target,
        dm.meets_target,
        dm.polarity
    from district_metrics as dm
    join home as h
        on h.city_zh = dm.city_zh
    where dm.year in ($year, $year - 1)
),

ranked as (
    select
        *,
        rank() over (
            partition by metric_code, year
            order by case when polarity = 'lower' then -value else value end desc
        ) as rank,
        count(*) over (partition by metric_code, year) as n_ranked,
        median(value) over (partition by metric_code, year) as city_median
    from peers
),

mine as (
    select *
    from ranked
    where district_code = $district
),

history as (
    select
        metric_code,
        list(value order by year) as trend, -- oldest first
        list(year order by year) as trend_years,
        min(year) as first_year
    from district_metrics
    where district_code = $district
    group by metric_code
),

-- the newest committed row of each reported indicator (read from observations for this district and year only:
-- quick at national scale); derived ratios have none
sources as (
    select
        o.indicator_code as metric_code,
        o.batch_id,
        o.source_ref,
        o.evidence,
        row_number() over (partition by o.indicator_code order by o.batch_id desc) as rn
    from observations as o
    join batches as b
        on b.batch_id = o.batch_id
    where b.status = 'committed'
      and o.district_code = $district
      and o.year = $year
      and coalesce(o.period, 'year') = 'year' -- the calendar year's figure, not a total stored at that year
),

final as (
    select
        m.code as metric_code,
        m.theme,
        m.kind,
        m.polarity,
        t.value, -- base unit of the metric
        t.qualifier,
        l.value as prev_value,
        t.value - l.value as change, -- in the metric's unit (percentage points for rates)
        case when l.value > 0 then (t.value - l.value) / l.value * 100 end as pct_change,
        t.rank, -- 1 is best (largest for polarity none)
        t.n_ranked,
        l.rank as prev_rank,
        t.target,
        t.meets_target,
        t.city_median,
        t.value - t.city_median as vs_median,
        h.trend,
        h.trend_years,
        s.source_ref, -- file:sheet!cell, or report.txt:报告!字符 start–end
        s.evidence -- the report's words for a figure taken from a report; null for sheets
    from metrics as m
    join mine as t
        on t.metric_code = m.code
       and t.year = $year
    left join mine as l
        on l.metric_code = m.code
       and l.year = $year - 1
    left join history as h
        on h.metric_code = m.code
    left join sources as s
        on s.metric_code = m.code
       and s.rn = 1
)

select * from final
order by
    (select sort_order from metrics where code = final.metric_code)
