package dev.cachedb.bench.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A visit of a pet; read by {@link VisitRepository#findRecent} on every owner page. */
@Entity
@Table(indexes = @Index(columnList = "pet_id"))
class Visit {
  @Id Integer id;
  LocalDate visitDate;
  String description;

  @ManyToOne(fetch = FetchType.LAZY)
  Pet pet;
}
