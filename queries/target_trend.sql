-- The target set for all districts of an indicator, year by year (district-specific targets are not included).
-- Params: $city (city_zh), $metric (metrics.code). The sample data's targets hold for the sample city only.
with city_kind as (
    select
        bool_or(is_sample) as is_sample
    from districts
    where city_zh = $city
),

final as (
    select
        t.year,
        t.value as target -- base unit of the indicator
    from current_targets as t
    cross join city_kind as k
    where t.indicator_code = $metric
      and t.district_code is null
      and (not t.is_sample or coalesce(k.is_sample, false))
)

select * from final
order by year
