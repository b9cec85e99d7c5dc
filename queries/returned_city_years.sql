-- The cities and years in which some district-year was ever returned, newest year first.
with final as (
    select distinct
        city_zh,
        year
    from cycle_events
    where event = 'return'
)

select * from final
order by year desc
