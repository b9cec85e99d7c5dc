-- The target set for all districts of an indicator, year by year (district-specific targets are not included).
with final as (
    select
        year,
        value as target -- base unit of the indicator
    from current_targets
    where indicator_code = $metric
      and district_code is null
)

select * from final
order by year
