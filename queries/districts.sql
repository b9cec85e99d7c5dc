-- The districts of a city with their colour slots, for selectors and legends. Params: $city (city_zh).
with final as (
    select
        district_code,
        district_zh,
        district_en,
        color_index
    from city_districts
    where city_zh = $city
)

select * from final
order by color_index
