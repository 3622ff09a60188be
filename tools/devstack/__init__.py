"""The local stack: Kafka (KRaft, Maven jars), embedded Postgres, migrations, topics, the services.

`make run` and the end-to-end test fixtures both start it through `Stack`, so there is one way.
"""
