-- How many figures and targets of one batch lie outside an editor's districts (a target for every district
-- always does): such an editor may not roll it back or re-apply it.
-- Params: $batch_id (integer), $allowed (list of district codes).
with held as (
    select district_code from observations where batch_id = $batch_id
    union all
    select coalesce(district_code, '*') as district_code from targets where batch_id = $batch_id
),

final as (
    select
        count(*) as n_outside
    from held
    where not list_contains($allowed, district_code)
)

select * from final
