-- How many batches the store holds, and how many of them are reports (in effect or rolled back).
with final as (
    select
        count(*) as n_batches,
        count(*) filter (where kind = 'report') as n_report_batches
    from batches
)

select * from final
