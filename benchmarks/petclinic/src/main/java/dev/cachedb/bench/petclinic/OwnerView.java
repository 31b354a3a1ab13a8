package dev.cachedb.bench.petclinic;

import java.time.LocalDate;
import java.util.List;

/** An owner with its pets as the cache holds it (JSON in Redis) and the API returns it. */
record OwnerView(
    Integer id,
    String firstName,
    String lastName,
    String city,
    String telephone,
    List<PetView> pets) {

  record PetView(Integer id, String name, String type, LocalDate birthDate) {}
}
