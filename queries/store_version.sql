-- A mark that changes whenever a batch is committed, rolled back or re-applied, or a city-year is locked or
-- unlocked: a plan made before it changed is refused as stale (etl.store.commit).
with final as (
    select
        (select coalesce(max(batch_id), 0) from batches) as last_batch,
        (select count(*) from batch_events) as n_batch_events,
        (select count(*) from cycle_events where event in ('lock', 'unlock')) as n_lock_events
)

select * from final
