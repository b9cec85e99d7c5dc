-- Which targets one batch holds: indicator, year and district (null: every district).
-- Params: $batch_id (integer).
with final as (
    select
        indicator_code,
        year,
        district_code
    from targets
    where batch_id = $batch_id
)

select * from final
