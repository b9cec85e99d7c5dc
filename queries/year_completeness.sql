-- For each year of a city: how many of its districts reported calendar-year figures, of how many it has, and
-- whether any target is set for it. Read by queries.defaults.default_year (the latest year every district has
-- reported, and the newer partial one: "2025年：已报送 3/16 个区县").
-- Params: $city (city_zh).
with city_codes as (
    select
        district_code,
        is_sample
    from city_districts
    where city_zh = $city
),

n_city as (
    select
        count(*) as n_districts,
        bool_or(is_sample) as is_sample
    from city_codes
),

annual as (
    select
        o.year,
        count(distinct o.district_code) as n_reported
    from current_observations as o
    where o.district_code in (select district_code from city_codes)
    group by o.year
),

any_period as (
    select distinct
        o.year
    from current_period_observations as o
    join districts as d
        on d.code = o.district_code
    where d.city_zh = $city
),

targets as (
    select distinct
        t.year
    from current_targets as t
    where t.district_code is null and (not t.is_sample or (select is_sample from n_city))
       or t.district_code in (select district_code from city_codes)
),

final as (
    select
        y.year,
        coalesce(a.n_reported, 0) as n_reported, -- districts with at least one calendar-year figure
        (select n_districts from n_city) as n_districts,
        y.year in (select year from targets) as has_targets
    from any_period as y
    left join annual as a
        on a.year = y.year
)

select * from final
order by year desc
