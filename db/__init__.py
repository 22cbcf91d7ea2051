"""Storage, domain rules and services of ntm-tui. Knows nothing of screens or paper."""
