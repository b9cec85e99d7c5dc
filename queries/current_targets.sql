-- Every target in effect, for every city: indicator, year, district (null: every district) and value.
with final as (
    select
        indicator_code,
        year,
        district_code,
        value -- in the indicator's unit
    from current_targets
)

select * from final
