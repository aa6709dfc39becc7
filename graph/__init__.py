"""The graph side of policykg: the model, deterministic ids and the stores."""
