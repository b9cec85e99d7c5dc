-- One snapshot (no row: no such snapshot).
-- Params: $snapshot_id (integer).
with final as (
    select
        snapshot_id,
        created_at, -- UTC
        created_by,
        note,
        max_batch_id,
        max_event_id
    from snapshots
    where snapshot_id = $snapshot_id
)

select * from final
