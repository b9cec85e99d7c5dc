-- How many batches one snapshot records.
-- Params: $snapshot_id (integer).
with final as (
    select
        count(*) as n_batches
    from snapshot_batches
    where snapshot_id = $snapshot_id
)

select * from final
