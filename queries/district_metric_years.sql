-- Several metrics for every district of a city over all years with a value, long form: for early-warning
-- rules and peer comparisons. Params: $city (city_zh), $metrics (a list of metrics.code).
-- Years without a value have no row: a rule never reads a gap as a zero.
with final as (
    select
        district_code,
        district_zh,
        district_en,
        color_index,
        year,
        metric_code,
        value, -- base unit of the metric
        qualifier
    from district_metrics
    where city_zh = $city
      and list_contains($metrics, metric_code)
)

select * from final
order by
    color_index,
    metric_code,
    year
