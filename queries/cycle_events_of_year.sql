-- The collection-cycle events of one city and year, oldest first.
-- Params: $city (城市 in Chinese), $year (integer).
with final as (
    select
        event_id,
        event, -- submit | targets | rollback | reapply | approve | return | lock | unlock | deadline
        district_code,
        event_by,
        event_at, -- UTC
        reason,
        deadline
    from cycle_events
    where city_zh = $city
      and year = $year
)

select * from final
order by event_id
