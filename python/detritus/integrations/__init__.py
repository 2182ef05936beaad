"""detritus inside other engines: datatrove pipeline steps
(:mod:`detritus.integrations.datatrove`) and Spark DataFrames
(:mod:`detritus.integrations.spark`). Each module imports its engine only
when used."""
