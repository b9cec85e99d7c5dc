"""The benchmark: a national-scale store built through the real ETL, and the timings users feel."""
