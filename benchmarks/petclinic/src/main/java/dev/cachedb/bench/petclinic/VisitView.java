package dev.cachedb.bench.petclinic;

import java.time.LocalDate;

/** One line of an owner page's recent visits, read by a projection: no pet entity per visit. */
public record VisitView(String petName, LocalDate visitDate, String description) {}
