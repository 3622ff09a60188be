"""`make bench`: in-process domain throughput, then the whole pipeline on real Kafka and Postgres."""
