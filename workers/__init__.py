"""RQ jobs and the processes that run them. Jobs take ids, never objects, and run inside an app context."""
