-- Each district-year of a city with figures in effect, up to the year shown, and whether it is approved: approved
-- since its figures were last submitted, rolled back or re-applied (and not returned since), or its city-year
-- locked (定稿). The others are shown as 未审核. Calendar-year figures, as the review itself (etl.cycle.status).
-- Params: $city (city_zh), $year (integer: the year shown and the years before it).
-- Reads cycle_events and observations by name, so a snapshot (as of) and approved-only viewing both apply.
with city_codes as (
    select
        code,
        name_zh,
        name_en,
        level
    from districts
    where city_zh = $city
),

figures as (
    select distinct
        district_code,
        year
    from current_observations
    where district_code in (select code from city_codes)
      and year <= $year
),

reviews as (
    select
        district_code,
        year,
        max(event_id) filter (where event = 'approve') as approved_id,
        max(event_id) filter (where event in ('return', 'submit', 'rollback', 'reapply')) as other_id
    from cycle_events
    where city_zh = $city
      and district_code is not null
    group by all
),

locks as (
    select
        year,
        arg_max(event, event_id) as last_event -- lock | unlock
    from cycle_events
    where city_zh = $city
      and event in ('lock', 'unlock')
    group by all
),

final as (
    select
        f.district_code,
        c.name_zh as district_zh,
        c.name_en as district_en,
        c.level, -- district | city (the city federation's own figures)
        f.year,
        coalesce(l.last_event, '') = 'lock'
        or coalesce(r.approved_id > coalesce(r.other_id, 0), false) as approved
    from figures as f
    join city_codes as c
        on c.code = f.district_code
    left join reviews as r
        on r.district_code = f.district_code and r.year = f.year
    left join locks as l
        on l.year = f.year
)

select * from final
order by year desc, level desc, district_code
