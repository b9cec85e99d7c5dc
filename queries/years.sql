-- Years with at least one figure for a city, newest first. Params: $city (city_zh).
-- Read from the observations of committed batches (not the current-value view): the same years, without
-- ranking every figure of the country first.
with city_codes as (
    select
        code
    from districts
    where city_zh = $city
),

final as (
    select distinct
        o.year
    from observations as o
    join batches as b
        on b.batch_id = o.batch_id
    where b.status = 'committed'
      and o.value is not null
      and o.district_code in (select code from city_codes)
)

select * from final
order by year desc
