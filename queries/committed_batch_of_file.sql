-- The newest committed batch holding exactly this content (a file loaded again is recognised by its sha256).
-- Params: $sha (hex sha256).
with final as (
    select
        batch_id,
        created_at, -- UTC
        created_by,
        source_name
    from batches
    where sha256 = $sha
      and status = 'committed'
)

select * from final
order by batch_id desc
limit 1
