-- The figures in effect for some districts in some years, of every period: what a plan compares a file with.
-- Params: $districts (list of district codes), $years (list of years).
with final as (
    select
        district_code,
        year,
        indicator_code,
        period,
        value, -- base unit
        qualifier,
        batch_id
    from current_period_observations
    where list_contains($districts, district_code)
      and list_contains($years, year)
)

select * from final
