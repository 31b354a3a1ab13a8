package dev.cachedb.bench.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.List;

/** An owner; rows are written by {@link SeedController}, so the id is assigned, not generated. */
@Entity
class Owner {
  @Id Integer id;
  String firstName;
  String lastName;
  String city;
  String telephone;

  @OneToMany(mappedBy = "owner")
  List<Pet> pets;

  OwnerView view() {
    return new OwnerView(
        id, firstName, lastName, city, telephone, pets.stream().map(Pet::view).toList());
  }
}
