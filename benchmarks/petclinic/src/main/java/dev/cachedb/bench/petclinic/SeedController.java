package dev.cachedb.bench.petclinic;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fills the tables once per benchmark, before the first variant: two pets per owner and three
 * visits per pet, written by PostgreSQL itself (generate_series) so seeding takes a second.
 */
@RestController
class SeedController {
  private final JdbcTemplate jdbc;

  SeedController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/internal/seed")
  @Transactional
  int seed(@RequestParam int owners) {
    Integer present = jdbc.queryForObject("select count(*) from owner", Integer.class);
    if (present != null && present == owners) {
      return present;
    }
    jdbc.execute("truncate visit, pet, owner");
    jdbc.update(
        "insert into owner (id, first_name, last_name, city, telephone)"
            + " select g, 'First' || g, 'Last' || (g % 997), 'City' || (g % 50),"
            + " '555-' || lpad((g % 10000)::text, 4, '0') from generate_series(1, ?) g",
        owners);
    jdbc.update(
        "insert into pet (id, name, type, birth_date, owner_id)"
            + " select g, 'Pet' || g, (array['cat', 'dog', 'bird', 'hamster'])[1 + g % 4],"
            + " date '2015-01-01' + g % 3000, 1 + (g - 1) / 2 from generate_series(1, ?) g",
        2 * owners);
    jdbc.update(
        "insert into visit (id, visit_date, description, pet_id)"
            + " select g, date '2024-01-01' + g % 700, 'check-up ' || g, 1 + (g - 1) / 3"
            + " from generate_series(1, ?) g",
        6 * owners);
    // Statistics now, not when autovacuum gets to it: without them the planner joins all visits.
    jdbc.execute("analyze owner, pet, visit");
    return owners;
  }
}
