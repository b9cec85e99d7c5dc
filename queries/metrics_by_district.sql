-- Several metrics in one year for every district of a city, long form: for grouped bars and tables.
-- Params: $city (city_zh), $year (integer), $metrics (a list of metrics.code).
with final as (
    select
        district_code,
        district_zh,
        district_en,
        color_index,
        metric_code,
        value, -- base unit of the metric
        qualifier,
        target,
        meets_target
    from district_metrics
    where city_zh = $city
      and year = $year
      and list_contains($metrics, metric_code)
)

select * from final
order by
    color_index,
    list_position($metrics, metric_code)
