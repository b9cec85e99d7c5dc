-- Targets in force for a city: the ones for every district, and the city's districts' own.
-- Params: $city (city_zh).
with final as (
    select
        t.indicator_code as metric_code,
        t.year,
        t.district_code, -- null: every district
        d.name_zh as district_zh,
        d.name_en as district_en,
        t.value, -- base unit of the indicator
        t.batch_id
    from current_targets as t
    left join districts as d
        on d.code = t.district_code
    where (
        t.district_code is null
        -- the sample data's targets for every district hold for the sample city only
        and (not t.is_sample or (select bool_or(is_sample) from districts where city_zh = $city))
    )
       or d.city_zh = $city
)

select * from final
order by
    (select sort_order from metrics where code = final.metric_code),
    year,
    district_code nulls first
