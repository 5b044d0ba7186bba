package com.acme.orders.web;

import com.acme.orders.order.NewOrder;
import com.acme.orders.order.Order;
import com.acme.orders.order.OrderRepository;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code GET /orders} lists the latest orders; {@code GET /orders/new} shows the form, which posts to
 * {@code POST /orders} and, when the order is valid, redirects to the list saying "Order created".
 */
@Controller
class OrderPages {

    private static final int LIST_LIMIT = 50;

    private final OrderRepository orders;

    OrderPages(OrderRepository orders) {
        this.orders = orders;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/orders";
    }

    @GetMapping("/orders")
    String list(Model model) {
        model.addAttribute("orders", orders.latest(LIST_LIMIT));
        return "orders/list";
    }

    @GetMapping("/orders/new")
    String form() {
        return "orders/new";
    }

    @PostMapping("/orders")
    String create(@Valid @ModelAttribute("order") NewOrder order, BindingResult problems, Model model,
                  RedirectAttributes redirect) {
        if (problems.hasErrors()) {
            model.addAttribute("problems", problems.getAllErrors().stream().map(OrderPages::message).sorted().toList());
            model.addAttribute("sku", problems.getFieldValue("sku"));
            model.addAttribute("qty", problems.getFieldValue("qty"));
            return "orders/new";
        }
        Order created = orders.create(order);
        redirect.addFlashAttribute("created", created);
        return "redirect:/orders";
    }

    /** What a person reads: the constraint's message, or for text where a number belongs, which field. */
    private static String message(ObjectError error) {
        if (error instanceof FieldError field && field.isBindingFailure()) {
            return field.getField() + " must be a whole number";
        }
        return error.getDefaultMessage();
    }
}
