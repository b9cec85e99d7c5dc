-- The newest committed report batch of the same file name with other content: the version a revision replaces.
-- Params: $name (the report's file name), $sha (the revision's hex sha256).
with final as (
    select
        max(batch_id) as batch_id -- null: no earlier version
    from batches
    where kind = 'report'
      and status = 'committed'
      and source_name = $name
      and coalesce(sha256, '') <> $sha
)

select * from final
