-- One batch's status (no row: no such batch).
-- Params: $batch_id (integer).
with final as (
    select
        status -- committed | rolled_back
    from batches
    where batch_id = $batch_id
)

select * from final
