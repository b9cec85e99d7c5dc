-- Which figures one batch holds: district, year, indicator and period (values aside).
-- Params: $batch_id (integer).
with final as (
    select
        district_code,
        year,
        indicator_code,
        period
    from observations
    where batch_id = $batch_id
)

select * from final
