-- The (district, year) cells one batch writes, figures and targets (a null district: a target for every district).
-- Params: $batch_id (integer).
with final as (
    select distinct district_code, year from observations where batch_id = $batch_id
    union
    select distinct district_code, year from targets where batch_id = $batch_id
)

select * from final
