-- MigrationsWithoutNetworkTimeoutOnMariaDbTests: a migration that outlasts the connection's socket timeout
SELECT SLEEP(2);
