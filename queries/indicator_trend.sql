-- One indicator over the years for every district of a city: one row per district-year that has a value.
-- Params: $city (districts.city_zh, e.g. 示例市), $indicator (indicators.code).
-- value is in the indicator's base unit: percent as 93.0, money in yuan, counts as counts.
-- Years without a value have no row, so a line shows a gap there rather than dropping to zero.
with city_districts as (
    select
        code as district_code,
        name_zh as district_zh,
        name_en as district_en
    from districts
    where city_zh = $city
      -- the city's own row (level = 'city') is a total, not one of its districts
      and level = 'district'
),

observed as (
    select
        district_code,
        year,
        value
    from current_observations
    where indicator_code = $indicator
),

final as (
    select
        d.district_code,
        d.district_zh,
        d.district_en,
        o.year,
        o.value -- base unit
    from observed as o
    join city_districts as d
        on d.district_code = o.district_code
)

select * from final
order by
    district_code,
    year
