-- Which of some years have a target for some districts (their own or one for every district).
-- Params: $years (list of years), $districts (list of district codes).
with final as (
    select distinct
        year
    from current_targets
    where list_contains($years, year)
      and (
          list_contains($districts, district_code)
          -- a sample target for every district holds for the sample city only
          or district_code is null and (
              not is_sample
              or exists (select 1 from districts where list_contains($districts, code) and is_sample)
          )
      )
)

select * from final
