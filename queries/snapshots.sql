-- Every snapshot of the data version, newest first, with how many batches it holds.
with final as (
    select
        s.snapshot_id,
        s.created_at, -- UTC
        s.created_by,
        s.note,
        s.max_batch_id,
        (select count(*) from snapshot_batches as sb where sb.snapshot_id = s.snapshot_id) as n_batches
    from snapshots as s
)

select * from final
order by snapshot_id desc
