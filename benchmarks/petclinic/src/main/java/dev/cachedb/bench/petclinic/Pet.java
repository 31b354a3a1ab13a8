package dev.cachedb.bench.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A pet; the index serves the owner's join in both hot-path queries. */
@Entity
@Table(indexes = @Index(columnList = "owner_id"))
class Pet {
  @Id Integer id;
  String name;
  String type;
  LocalDate birthDate;

  @ManyToOne(fetch = FetchType.LAZY)
  Owner owner;

  OwnerView.PetView view() {
    return new OwnerView.PetView(id, name, type, birthDate);
  }
}
