-- One metric for every district of a city over all years with a value: for trend lines, heatmaps and slopes.
-- Params: $city (city_zh), $metric (metrics.code). Years without a value have no row (drawn as a gap).
with final as (
    select
        district_code,
        district_zh,
        district_en,
        color_index, -- colour slot of the district within its city
        year,
        value, -- base unit of the metric
        qualifier,
        target, -- the district's target that year, if any
        meets_target
    from district_metrics
    where city_zh = $city
      and metric_code = $metric
)

select * from final
order by
    color_index,
    year
