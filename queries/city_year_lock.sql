-- The 定稿 (lock) of a city-year, when its latest lock/unlock event is a lock: who locked it and when.
-- Params: $city (city_zh), $year (integer). No row: the city-year is not locked.
-- Reads cycle_events by name, so a snapshot (as of) shows the lock as it stood then.
with last as (
    select
        arg_max(event, event_id) as last_event,
        arg_max(event_by, event_id) as locked_by, -- the reviewer's login
        arg_max(event_at, event_id) as locked_at -- UTC
    from cycle_events
    where city_zh = $city
      and year = $year
      and event in ('lock', 'unlock')
),

final as (
    select
        locked_by,
        locked_at
    from last
    where last_event = 'lock'
)

select * from final
