-- Every locked city-year (定稿): the latest lock or unlock event of each city-year is a lock; who and when.
with last as (
    select
        city_zh,
        year,
        arg_max(event, event_id) as event,
        arg_max(event_by, event_id) as event_by,
        arg_max(event_at, event_id) as event_at -- UTC
    from cycle_events
    where event in ('lock', 'unlock')
    group by all
),

final as (
    select
        city_zh,
        year,
        event_by,
        event_at
    from last
    where event = 'lock'
)

select * from final
