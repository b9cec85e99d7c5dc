-- Years with at least one current value for a city, newest first.
with final as (
    select distinct
        o.year
    from current_observations as o
    join districts as d
        on d.code = o.district_code
    where d.city_zh = $city
)

select * from final
order by year desc
