-- The districts of a city whose figure of one of several metrics in a year rests on fewer than 5 events: the
-- count behind a derived ratio (its numerator), or the count itself, exactly as metric_by_district's small_count,
-- for every metric at once (the overview's warnings ask for all of theirs).
-- Params: $city (city_zh), $year (integer), $metrics (a list of metrics.code).
with wanted as (
    select
        code,
        coalesce(numerator, code) as counted
    from metrics
    where list_contains($metrics, code)
),

final as (
    select distinct
        o.district_code,
        w.code as metric_code
    from current_observations as o
    join wanted as w
        on o.indicator_code = w.counted
    join city_districts as d
        on d.district_code = o.district_code
       and d.city_zh = $city
    join metrics as part
        on part.code = o.indicator_code
    where o.year = $year
      and part.unit = 'count'
      and o.value < 5
)

select * from final
order by
    metric_code,
    district_code
