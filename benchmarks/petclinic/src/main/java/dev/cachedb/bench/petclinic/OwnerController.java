package dev.cachedb.bench.petclinic;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The two requests of the load: an owner page (most) and a telephone change (a fraction). */
@RestController
class OwnerController {
  private final OwnerLookup lookup;
  private final VisitRepository visits;

  OwnerController(OwnerLookup lookup, VisitRepository visits) {
    this.lookup = lookup;
    this.visits = visits;
  }

  record OwnerPage(OwnerView owner, List<VisitView> recentVisits) {}

  @GetMapping("/owners/{id}")
  ResponseEntity<OwnerPage> page(@PathVariable int id) {
    OwnerView owner = lookup.find(id);
    if (owner == null) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(new OwnerPage(owner, visits.findRecent(id, Limit.of(5))));
  }

  @PostMapping("/owners/{id}/telephone")
  ResponseEntity<OwnerView> changeTelephone(@PathVariable int id, @RequestParam String number) {
    OwnerView owner = lookup.changeTelephone(id, number);
    return owner == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(owner);
  }
}
