"""Performance benchmark (`make bench`): see README, Benchmark."""
