-- Every batch, newest first: what it was, who loaded it and when, what it changed, whether it is in effect.
with final as (
    select
        batch_id,
        kind, -- spreadsheet | sample | correction | report | targets
        source_name,
        created_at, -- UTC
        created_by,
        status, -- committed | rolled_back
        n_new,
        n_changed,
        n_unchanged,
        n_targets,
        is_sample,
        note
    from batches
)

select * from final
order by batch_id desc
