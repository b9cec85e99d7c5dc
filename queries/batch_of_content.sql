-- The newest batch, committed or rolled back, holding exactly this content.
-- Params: $sha (hex sha256).
with final as (
    select
        batch_id,
        status -- committed | rolled_back
    from batches
    where sha256 = $sha
)

select * from final
order by batch_id desc
limit 1
